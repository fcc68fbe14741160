package io.livehall.training.registration;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A series' registration settings as the organiser sets them: {@code capacity} is required for CAPACITY, an optional
 * cap for APPROVAL and not allowed for OPEN; the form fields default to OFF; reminders are minutes before each session
 * (5 minutes to 7 days, at most five, repeats dropped); no deadline means until the last session starts.
 */
record SettingsRequest(
        @NotNull(message = "请选择报名方式") RegistrationMode mode,
        @Min(value = 1, message = "名额需在 1 到 100000 之间") @Max(value = 100_000, message = "名额需在 1 到 100000 之间")
        Integer capacity,
        FieldRule company,
        FieldRule jobTitle,
        FieldRule phone,
        @Size(max = 5, message = "最多 5 个提醒时间")
        List<@NotNull(message = "提醒时间不能为空") @Min(value = 5, message = "提醒需在开课前 5 分钟到 7 天之间")
             @Max(value = 10_080, message = "提醒需在开课前 5 分钟到 7 天之间") Integer> reminderOffsets,
        Instant deadline) {

    RegistrationSettings toSettings(long seriesId) {
        return new RegistrationSettings(seriesId, mode, capacity, orOff(company), orOff(jobTitle), orOff(phone),
                reminderOffsets == null ? List.of() : reminderOffsets.stream().distinct().sorted((a, b) -> b - a).toList(),
                deadline);
    }

    private static FieldRule orOff(FieldRule rule) {
        return rule == null ? FieldRule.OFF : rule;
    }
}
