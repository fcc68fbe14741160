package io.livehall.showcase.live;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The page where the merchant published an ended session's recording: a complete http(s) address. */
record ReplayRequest(
        @NotBlank(message = "请填写回放地址") @Size(max = 500, message = "回放地址最长 500 个字符") @PlainText
        @Pattern(regexp = REPLAY_URL, message = "回放地址需为 http:// 或 https:// 开头的完整网址")
        String replayUrl) {

    /**
     * Scheme, a host (optionally with a port), then any path/query without spaces; no user-info. Spaces around it
     * (a pasted address) are allowed and stripped before it is stored.
     */
    static final String REPLAY_URL = "^\\s*https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\\s]*)?\\s*$";
}
