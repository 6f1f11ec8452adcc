using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;

namespace Portal.Web.Accounts;

/// <summary>
/// A year of learning at the demo employers, so the insight pages have something to show: six
/// staff at each (accounts with no password: they are figures, not people to sign in as), each
/// passing modules through the year, more in the autumn as a provider would before an inspection.
/// The same every time (a fixed seed), and the rollup is worked out at once instead of at the
/// next hourly run. Runs after <see cref="DemoTalent"/>, once per database.
/// </summary>
public static class DemoInsight
{
    /// <summary>The first of these staff, normalised as Identity stores it: present means seeded.</summary>
    private const string Marker = "INSIGHT.STAFF.0@DEMO.PORTAL.TEST";

    private static readonly string[] Names =
    [
        "Amira Begum", "Tom Fletcher", "Grace Okafor", "Liam Doyle", "Zainab Ahmed", "Chris Hirst",
        "Sophie Walker", "Daniel Mensah", "Priya Patel", "Ryan Kelly", "Hannah Greenwood", "Yusuf Ali",
        "Ellie Shaw", "Marcus Brown", "Bethany Clarke", "Tariq Hussain", "Joanne Wood", "Kwame Asante",
        "Natalie Lees", "Sean Murphy", "Fatima Rashid", "Adam Booth", "Lucy Hartley", "Emeka Obi",
        "Rachel Firth", "Bilal Khan", "Gemma Horsfall", "Ola Nowak", "Kirsty Dunn", "Samuel Boateng",
        "Megan Pickles", "Hamza Iqbal", "Laura Senior", "Dominic Ward", "Ayesha Malik", "Craig Bramley",
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        if (!DemoSeeding.IsOn(services))
            return;
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<PortalDbContext>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var modules = provider.GetRequiredService<ContentStore>().Current.Modules.Keys.Order(StringComparer.Ordinal).ToList();
        var added = false;
        await PortalDatabase.InExclusiveTransactionAsync(db, "demo-insight", async () =>
        {
            if (modules.Count == 0 || await db.Users.AnyAsync(u => u.NormalizedEmail == Marker))
                return;
            var employers = await db.Set<Organisation>().Where(o => o.Name != DemoAccounts.HubName)
                .OrderBy(o => o.Name).Select(o => o.Id).Take(6).ToListAsync();
            var random = new Random(2026);
            for (var i = 0; i < Names.Length && employers.Count > 0; i++)
            {
                var email = $"insight.staff.{i}@demo.portal.test";
                var user = new PortalUser
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    DisplayName = Names[i],
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    CreatedUtc = now.AddMonths(-14),
                };
                db.Users.Add(user);
                db.Add(Membership.Start(employers[i % employers.Count], user.Id, MembershipRole.Staff, now.AddMonths(-14), "care-worker"));
                foreach (var module in modules.OrderBy(_ => random.Next()).Take(3 + random.Next(6)))
                {
                    // Months 0-11 back, autumn busier; a working hour on a weekday.
                    var monthsBack = random.Next(10) < 4 ? random.Next(2, 4) : random.Next(12);
                    var at = now.AddMonths(-monthsBack).Date.AddDays(-random.Next(25)).AddHours(8 + random.Next(9)).AddMinutes(random.Next(60));
                    if (at > now)
                        at = now.AddHours(-1);
                    var progress = ModuleProgress.Start(user.Id, module, "demo", at.AddMinutes(-20));
                    progress.MarkPassed(at);
                    db.AddRange(progress, Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), Guid.NewGuid().ToString("N")[..24], at, Names[i]));
                }
            }
            await db.SaveChangesAsync();
            added = true;
        });
        if (added)
            await provider.GetRequiredService<InsightRollupJob>().RunAsync(full: true, CancellationToken.None);
    }
}
