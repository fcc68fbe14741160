package io.livehall.identity;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

record RolesUpdate(@NotEmpty(message = "至少保留一个角色") Set<@NotNull(message = "角色无效") Role> roles) {
}
