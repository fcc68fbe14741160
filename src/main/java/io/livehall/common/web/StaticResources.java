package io.livehall.common.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.EncodedResourceResolver;

/**
 * How the built web app is served (Vite writes it to {@code classpath:/static/}):
 * <ul>
 *   <li>{@code /assets/**}: file names carry a hash of their content, so a browser keeps them a year without asking
 *       again ({@code public, max-age=31536000, immutable}); a new build has new names.</li>
 *   <li>everything else ({@code index.html}, which names the current assets, the favicon): {@code no-cache}, so the
 *       browser revalidates each time (a 304 while nothing changed) and picks up a new build at once.</li>
 * </ul>
 * Both send the Brotli ({@code .br}) or gzip ({@code .gz}) copy the build wrote next to a text file when the browser
 * accepts it ({@code frontend/build/precompress.ts}; Brotli first, see {@link BrotliFirst}), with {@code Vary: Accept-Encoding}; files without a copy are
 * compressed on the fly by the server when large enough ({@code server.compression}).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebFluxConfigurer {

    static final CacheControl FINGERPRINTED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    static final CacheControl REVALIDATED = CacheControl.noCache();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(FINGERPRINTED)
                .resourceChain(true)
                .addResolver(new BrotliFirst())
                .addResolver(new EncodedResourceResolver());
        // registered here, Boot's default "/**" handler (no cache headers, no encoded copies) steps aside
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(REVALIDATED)
                .resourceChain(true)
                .addResolver(new BrotliFirst())
                .addResolver(new EncodedResourceResolver());
    }
}
