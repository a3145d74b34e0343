namespace CallVault.Web.Access;

internal sealed record CreateUserRequest(string? Name, string? Role, string? Password);
