using Microsoft.AspNetCore.Identity;

namespace Portal.Infrastructure.Accounts;

public sealed class PortalUser : IdentityUser
{
    /// <summary>The name to show for someone: the name they gave, or their email address when they gave none.</summary>
    public static string ShownName(string? displayName, string? email) => string.IsNullOrWhiteSpace(displayName) ? email ?? "" : displayName;

    public const int MaxDisplayNameLength = 100;

    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; }
}
