import { useState } from 'react';
import type { ProductCategory, ProductImage } from '../../api/catalogue';
import { ProductMonogram } from './ProductMonogram';

/** The product's images: one large, thumbnails below to switch. */
export function ImageGallery({ images, name, category }: {
  images: ProductImage[];
  name: string;
  category: ProductCategory;
}) {
  const [index, setIndex] = useState(0);
  if (images.length === 0) {
    return (
      <div className="gallery">
        <ProductMonogram name={name} category={category} className="gallery-main" />
      </div>
    );
  }
  const current = images[Math.min(index, images.length - 1)];
  return (
    <div className="gallery" data-testid="gallery">
      <div className="gallery-main">
        <img src={current.url} alt={`${name}（第 ${index + 1} 张，共 ${images.length} 张）`} />
      </div>
      {images.length > 1 && (
        <ul className="gallery-thumbs">
          {images.map((img, i) => (
            <li key={img.fileId}>
              <button type="button" className={i === index ? 'active' : ''} aria-label={`查看第 ${i + 1} 张图片`}
                aria-current={i === index} onClick={() => setIndex(i)}>
                <img src={img.url} alt="" loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
