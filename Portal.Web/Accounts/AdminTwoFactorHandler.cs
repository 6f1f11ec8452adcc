using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Accounts;

/// <remarks>
/// Reads the account rather than a cookie claim: turning two-factor on must take effect at once,
/// and admin requests are few enough that one lookup each costs nothing. The user manager is
/// fetched only for an admin: authorization runs this handler on every page, signed-out ones
/// included, and building a user manager (and a database context with it) for each was about a
/// quarter of the CPU a cached public page took.
/// </remarks>
internal sealed class AdminTwoFactorHandler(
    IServiceProvider services,
    IHostEnvironment environment,
    IOptions<AccountsOptions> options) : AuthorizationHandler<AdminTwoFactorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminTwoFactorRequirement requirement)
    {
        if (!context.User.IsInRole(PortalRoles.Admin))
        {
            context.Succeed(requirement);
            return;
        }

        var user = await services.GetRequiredService<UserManager<PortalUser>>().GetUserAsync(context.User);
        if (user is null)
            return;
        if (user.TwoFactorEnabled || IsExemptDemoAdmin(user))
            context.Succeed(requirement);
    }

    private bool IsExemptDemoAdmin(PortalUser user) =>
        environment.IsDevelopment()
        && options.Value.DemoAdminWithoutTwoFactor
        && string.Equals(user.Email, DemoAccounts.AdminEmail, StringComparison.OrdinalIgnoreCase);
}
