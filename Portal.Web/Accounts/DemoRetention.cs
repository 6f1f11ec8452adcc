using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;

namespace Portal.Web.Accounts;

/// <summary>
/// A year of comings and goings at the demo employers, so retention and progression has something
/// to show: two or three new care workers a month (accounts with no password: figures, not people
/// to sign in as), about a third of whom leave within months, two of them apprentices; and among
/// the staff who have been there longer, care workers promoted to senior care worker through the
/// year, one trained as an Enhanced care worker, and two who leave. The same every time (a fixed
/// seed). Runs after <see cref="DemoInsight"/> and <see cref="DemoPipeline"/>, once per database.
/// </summary>
public static class DemoRetention
{
    /// <summary>The first of these starters, normalised as Identity stores it: present means seeded.</summary>
    private const string Marker = "RETENTION.STAFF.0@DEMO.PORTAL.TEST";

    private static readonly string[] Names =
    [
        "Jade Atkinson", "Imran Shah", "Courtney Hall", "Kofi Owusu", "Leanne Dixon", "Aaron Sykes",
        "Shabana Akhtar", "Jordan Riley", "Chantelle Moore", "Nathan Barker", "Saima Hussain", "Declan Walsh",
        "Kayleigh Turner", "Abdul Rahman", "Stacey Holmes", "Patrick Nwosu", "Rebecca Lumb", "Wiktoria Zielinska",
        "Connor Fox", "Nadia Karim", "Jamie Crowther", "Esther Adeyemi", "Lewis Pearson", "Rukhsana Bibi",
        "Tyler Hainsworth", "Aisha Sesay", "Kieran Lowe", "Holly Whitaker", "Farhan Mirza", "Danielle Priestley",
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        if (!DemoSeeding.IsOn(services))
            return;
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<PortalDbContext>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var added = false;
        await PortalDatabase.InExclusiveTransactionAsync(db, "demo-retention", async () =>
        {
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == Marker))
                return;
            var employers = await db.Set<Organisation>().Where(o => o.Name != DemoAccounts.HubName)
                .OrderBy(o => o.Name).Select(o => o.Id).Take(6).ToListAsync();
            if (employers.Count == 0)
                return;
            var random = new Random(2027);
            for (var i = 0; i < Names.Length; i++)
            {
                var email = $"retention.staff.{i}@demo.portal.test";
                var started = now.AddMonths(-(11 - i * 12 / Names.Length)).Date.AddDays(-random.Next(20)).AddHours(9);
                if (started > now)
                    started = now.AddHours(-1);
                var user = new PortalUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
                    DisplayName = Names[i], SecurityStamp = Guid.NewGuid().ToString("N"), CreatedUtc = started.AddDays(-14),
                };
                db.Users.Add(user);
                var staff = Membership.Start(employers[(i * 5) % employers.Count], user.Id, MembershipRole.Staff, started, "care-worker", apprentice: i is 4 or 17);
                var leaves = started.AddDays(20 + random.Next(150));
                if (random.Next(10) < 3 && leaves < now)
                    staff.End(leaves);
                db.Add(staff);
            }

            // Staff who have been there over a year: promotions through the year, one Enhanced care worker, two leavers.
            var longer = await db.Set<Membership>().Include(m => m.Jobs)
                .Where(m => m.Role == MembershipRole.Staff && m.EndedAtUtc == null && m.JobRole == "care-worker" && m.StartedAtUtc < now.AddMonths(-12))
                .OrderBy(m => m.Id).Take(10).ToListAsync();
            for (var i = 0; i < longer.Count; i++)
            {
                var at = now.AddMonths(-(1 + i)).Date.AddHours(11);
                if (i < 6)
                    longer[i].ChangeJob("senior-care-worker", longer[i].Team, false, null, at);
                else if (i == 6)
                    longer[i].ChangeJob("enhanced-care-worker", longer[i].Team, false, null, at);
                else if (i >= 8)
                    longer[i].End(at);
            }
            await db.SaveChangesAsync();
            added = true;
        });
        if (added)
            await provider.GetRequiredService<InsightRollupJob>().RunAsync(full: true, CancellationToken.None);
    }
}
