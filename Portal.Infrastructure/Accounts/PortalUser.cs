using Microsoft.AspNetCore.Identity;

namespace Portal.Infrastructure.Accounts;

public sealed class PortalUser : IdentityUser
{
    public const int MaxDisplayNameLength = 100;

    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; }
}
