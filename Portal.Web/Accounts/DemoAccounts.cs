using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Web.Accounts;

/// <summary>
/// One confirmed account per role for trying the portal locally. Development only; listed in the
/// README. The staff accounts (admin, recruiter, manager) need two factors like anyone's, so they
/// share the published demo authenticator key (<see cref="DemoAuthenticator"/>).
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Portal-demo-2026";
    public const string AdminEmail = "admin@demo.portal.test";

    public static IReadOnlyList<(string Email, string DisplayName, string? Role)> All { get; } =
    [
        (AdminEmail, "Ada Admin", PortalRoles.Admin),
        ("recruiter@demo.portal.test", "Rita Recruiter", PortalRoles.Recruiter),
        ("manager@demo.portal.test", "Mo Manager", PortalRoles.Manager),
        (NavigatorEmail, "Nadia Navigator", PortalRoles.Navigator),
        ("analyst@demo.portal.test", "Ann Analyst", PortalRoles.Analyst),
        (LearnerEmail, "Lee Learner", PortalRoles.Learner),
        (NurseEmail, "Nia Nurse", null),
        (DemoPassport.CareHomeManagerEmail, "Priya Patel", PortalRoles.Manager),
    ];

    public const string NurseEmail = "nurse@demo.portal.test";

    public const string NavigatorEmail = "navigator@demo.portal.test";

    /// <summary>The talent hub the demo navigator works for: its caseload and programmes.</summary>
    public const string HubName = "Demo Talent Hub";

    public const string LearnerEmail = "learner@demo.portal.test";

    public const string OrganisationName = "Demo Homecare";

    public static async Task SeedAsync(IServiceProvider services)
    {
        if (!DemoSeeding.IsOn(services))
            return;
        await CreateAsync(services);
    }

    /// <summary>
    /// Creates whichever demo accounts and organisation are missing. Safe to race: two nodes started
    /// at the same moment both get here, so the work runs one node at a time and the second finds
    /// the first's accounts instead of failing on their unique keys.
    /// </summary>
    internal static async Task CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await PortalDatabase.InExclusiveTransactionAsync(db, "demo-accounts", async () =>
        {
            foreach (var (email, displayName, role) in All)
            {
                var user = await users.FindByEmailAsync(email);
                if (user is null)
                {
                    user = new PortalUser
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

                if (role is not (null or PortalRoles.Learner))
                    await SecondFactorAsync(users, user, email);
            }
            await OrganisationAsync(db, users, time.GetUtcNow().UtcDateTime);
            await HubAsync(db, users, time.GetUtcNow().UtcDateTime);
            await DemoNavigation.SeedAsync(scope.ServiceProvider, time.GetUtcNow().UtcDateTime);
            await DemoLearning.SeedAsync(db, users, scope.ServiceProvider.GetRequiredService<ContentStore>().Current, time.GetUtcNow().UtcDateTime);
        });
        await DemoPassport.SeedAsync(services);
    }

    /// <summary>
    /// A home care provider the demo recruiter and manager work for, with the demo learner on its
    /// staff as an Enhanced care worker and the demo nurse as its practitioner, so the matrix and
    /// sign-off have someone in them.
    /// </summary>
    private static async Task OrganisationAsync(PortalDbContext db, UserManager<PortalUser> users, DateTime now)
    {
        if (await db.Set<Organisation>().AnyAsync(o => o.Name == OrganisationName))
            return;
        var organisation = Organisation.Create(OrganisationName, OrganisationType.CareProvider, null, "LS6 1AA", now);
        organisation.ChangeSetting(CareSetting.HomeCare);
        db.Add(organisation);
        async Task<string> Id(string email) => (await users.FindByEmailAsync(email))!.Id;
        db.Add(Membership.Start(organisation.Id, await Id("recruiter@demo.portal.test"), MembershipRole.Recruiter, now));
        db.Add(Membership.Start(organisation.Id, await Id("manager@demo.portal.test"), MembershipRole.Manager, now));
        db.Add(Membership.Start(organisation.Id, await Id(LearnerEmail), MembershipRole.Staff, now, "enhanced-care-worker", "North"));
        db.Add(Membership.Start(organisation.Id, await Id(NurseEmail), MembershipRole.Staff, now, "registered-nurse", "North", practitioner: true));
        await db.SaveChangesAsync();
    }

    /// <summary>A council-run talent hub in the east of the city, with the demo navigator on its staff.</summary>
    private static async Task HubAsync(PortalDbContext db, UserManager<PortalUser> users, DateTime now)
    {
        if (await db.Set<Organisation>().AnyAsync(o => o.Name == HubName))
            return;
        var hub = Organisation.Create(HubName, OrganisationType.Council, null, "LS9 7TF", now);
        db.Add(hub);
        db.Add(Membership.Start(hub.Id, (await users.FindByEmailAsync(NavigatorEmail))!.Id, MembershipRole.Navigator, now));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The demo key, turned on; also for demo staff seeded before staff needed two factors. An
    /// account someone has since given an authenticator of their own keeps it.
    /// </summary>
    private static async Task SecondFactorAsync(UserManager<PortalUser> users, PortalUser user, string email)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
            return;
        // Identity's own store keeps the authenticator key as this token.
        Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAuthenticator.Key), email);
        Check(await users.SetTwoFactorEnabledAsync(user, true), email);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not seed demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
