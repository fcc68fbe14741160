package io.livehall.showcase.merchant;

import jakarta.validation.constraints.NotNull;

/** A file uploaded with {@code POST /api/files} (purpose DOCUMENT) and what it is. */
record DocumentInput(
        @NotNull(message = "请选择文件") Long fileId,
        @NotNull(message = "请选择文件类型") DocumentKind kind) {
}
