using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Accounts;

/// <summary>One confirmed account per role for trying the portal locally. Development only; listed in the README.</summary>
public static class DemoAccounts
{
    public const string Password = "Portal-demo-2026";
    public const string AdminEmail = "admin@demo.portal.test";

    public static IReadOnlyList<(string Email, string DisplayName, string? Role)> All { get; } =
    [
        (AdminEmail, "Ada Admin", PortalRoles.Admin),
        ("recruiter@demo.portal.test", "Rita Recruiter", PortalRoles.Recruiter),
        ("manager@demo.portal.test", "Mo Manager", PortalRoles.Manager),
        ("learner@demo.portal.test", "Lee Learner", PortalRoles.Learner),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var options = services.GetRequiredService<IOptions<AccountsOptions>>().Value;
        if (!environment.IsDevelopment() || !options.SeedDemoAccounts)
            return;

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        foreach (var (email, displayName, role) in All)
        {
            if (await users.FindByEmailAsync(email) is not null)
                continue;
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedUtc = time.GetUtcNow().UtcDateTime,
            };
            Check(await users.CreateAsync(user, Password), email);
            if (role is not null)
                Check(await users.AddToRoleAsync(user, role), email);
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not seed demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
