using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;

namespace Portal.Browser.Tests.Support;

/// <summary>
/// Accounts written straight into the running portal's database, for people no page can create:
/// an admin, who then signs in through the real pages with password and authenticator code.
/// </summary>
public static class ServerAccounts
{
    /// <summary>The authenticator key of the managers made here (base32), to compute codes with <see cref="Portal.Tests.Common.Totp"/>.</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <returns>The authenticator key, to compute codes with <see cref="Portal.Tests.Common.Totp"/>.</returns>
    public static async Task<string> CreateAdminAsync(PortalServer server, string email, string name)
    {
        await using var services = Services(server);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, AccountSteps.Password));
        Check(await users.AddToRoleAsync(user, PortalRoles.Admin));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>A confirmed account with no role: a person an admin might look up.</summary>
    public static async Task<string> CreatePersonAsync(PortalServer server, string email, string name)
    {
        await using var services = Services(server);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, AccountSteps.Password));
        return user.Id;
    }

    /// <summary>A confirmed account that manages a new organisation.</summary>
    /// <param name="twoFactor">With an authenticator app (<see cref="AuthenticatorKey"/>) set up, as a manager needs; or none yet.</param>
    /// <returns>The organisation's id.</returns>
    public static async Task<Guid> CreateManagerAsync(PortalServer server, string email, string name, string organisationName, bool twoFactor = true)
    {
        await using var services = Services(server);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, AccountSteps.Password));
        Check(await users.AddToRoleAsync(user, PortalRoles.Manager));
        if (twoFactor)
            await SetUpAuthenticatorAsync(users, user);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var organisation = Portal.Domain.Organisations.Organisation.Create(organisationName, Portal.Domain.Organisations.OrganisationType.CareProvider, null, "LS6 1AA", DateTime.UtcNow);
        db.Add(organisation);
        db.Add(Portal.Domain.Organisations.Membership.Start(organisation.Id, user.Id, Portal.Domain.Organisations.MembershipRole.Manager, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    public static async Task CreatePractitionerAsync(PortalServer server, Guid organisation, string email, string name)
    {
        await using var services = Services(server);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = DateTime.UtcNow };
        Check(await users.CreateAsync(user, AccountSteps.Password));
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Add(Portal.Domain.Organisations.Membership.Start(organisation, user.Id, Portal.Domain.Organisations.MembershipRole.Staff, DateTime.UtcNow, "registered-nurse", "North", practitioner: true));
        await db.SaveChangesAsync();
    }

    /// <summary>An authenticator app with <see cref="AuthenticatorKey"/>, turned on, as the account's owner would set it up.</summary>
    public static async Task SetUpAuthenticatorAsync(UserManager<PortalUser> users, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        // Identity's own store keeps the authenticator key as this token.
        Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
    }

    private static ServiceProvider Services(PortalServer server) =>
        IdentityServices(services => services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(o => o.UseSqlite($"Data Source={server.DatabasePath}")));

    /// <summary>Identity over a running portal's database (the context registered by <paramref name="database"/>), with the portal's password rule.</summary>
    public static ServiceProvider IdentityServices(Action<IServiceCollection> database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection();
        services.AddLogging();
        // Only the default token providers need it; nothing made here is read back by the portal.
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        database(services);
        // The portal's own rule: length, not composition.
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
            }).AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>().AddDefaultTokenProviders();
        return services.BuildServiceProvider();
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
