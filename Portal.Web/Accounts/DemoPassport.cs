using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Passport;

namespace Portal.Web.Accounts;

/// <summary>
/// The demo learner's passport, issued up front so /passport, /verify and the manager's revocation
/// page have something in them: a credential for each module Lee has passed (current and expired)
/// and for the blood glucose sign-off. Issuing is idempotent, so a restart adds nothing twice.
/// </summary>
public static class DemoPassport
{
    /// <summary>The manager of a second employer, where Lee is a new starter: she recognises his passport.</summary>
    public const string CareHomeManagerEmail = "carehome.manager@demo.portal.test";

    public const string CareHomeName = "Roundhay Grange Care Home";

    internal static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var learner = await users.FindByEmailAsync(DemoAccounts.LearnerEmail);
        if (learner is null)
            return;
        await scope.ServiceProvider.GetRequiredService<PassportService>()
            .IssueDueAsync(learner.Id, scope.ServiceProvider.GetRequiredService<ContentStore>().Current);
        await CareHomeAsync(scope.ServiceProvider, users, learner);
    }

    /// <summary>
    /// A care home in Roundhay (LS8) managed by Priya Patel, where Lee starts this week on bank shifts
    /// as a care worker: a new starter whose passport she can recognise. Made once; a restart finds it.
    /// </summary>
    private static async Task CareHomeAsync(IServiceProvider services, UserManager<PortalUser> users, PortalUser learner)
    {
        var manager = await users.FindByEmailAsync(CareHomeManagerEmail);
        if (manager is null)
            return;
        var db = services.GetRequiredService<Portal.Infrastructure.Data.PortalDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var home = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Name == CareHomeName);
        if (home is null)
        {
            home = Organisation.Create(CareHomeName, OrganisationType.CareProvider, null, "LS8 2AA", now.AddYears(-3));
            home.ChangeSetting(CareSetting.CareHome);
            db.Add(home);
            await db.SaveChangesAsync();
        }
        var members = await db.Set<Membership>().Where(m => m.OrganisationId == home.Id).ToListAsync();
        if (!members.Any(m => m.UserId == manager.Id && m.Role == MembershipRole.Manager))
            db.Add(Membership.Start(home.Id, manager.Id, MembershipRole.Manager, now.AddYears(-2)));
        if (!members.Any(m => m.UserId == learner.Id && m.Role == MembershipRole.Staff))
            db.Add(Membership.Start(home.Id, learner.Id, MembershipRole.Staff, now.AddDays(-2), "care-worker", "Bank"));
        await db.SaveChangesAsync();
    }
}
