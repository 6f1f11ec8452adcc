using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>
/// Every insight page asks for the viewer's scopes to fill its filter, and the service it then
/// calls asks again to check the one chosen: within one request (one service) that is one query.
/// </summary>
public sealed class InsightScopesTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task AskingTwiceForTheSameViewersScopesQueriesOnceAndAnotherViewerIsAskedAfresh()
    {
        var manager = Guid.NewGuid().ToString();
        Guid organisation;
        await using (var db = database.CreateContext())
        {
            var care = Organisation.Create("Chapeltown Care", OrganisationType.CareProvider, null, "LS7 3AA", DateTime.UtcNow);
            db.Add(care);
            var email = $"{manager}@example.com";
            db.Users.Add(new PortalUser { Id = manager, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true });
            db.Add(Membership.Start(care.Id, manager, MembershipRole.Manager, DateTime.UtcNow));
            await db.SaveChangesAsync();
            organisation = care.Id;
        }
        var recorder = new CommandRecorder();
        await using var context = database.CreateContext(recorder);
        var content = new ContentStore(Path.Combine(Portal.Tests.Common.TestEnvironment.RepositoryRoot(), "content"), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ContentStore>.Instance);
        using var figures = new InsightFiguresCache();
        var insight = new InsightService(context, new OrganisationService(context, null!, PostcodeDistricts.Shipped(), TimeProvider.System, null!), content, figures);
        var viewer = new InsightService.Viewer(manager, SeesCity: false);

        var first = await insight.ScopesAsync(viewer);
        var second = await insight.ScopesAsync(viewer);
        Assert.Equal(1, recorder.Count);
        Assert.Equal([new InsightService.Scope(organisation, "Chapeltown Care")], second);
        Assert.Equal(first, second);

        var analyst = await insight.ScopesAsync(new InsightService.Viewer(Guid.NewGuid().ToString(), SeesCity: true));
        Assert.Equal(2, recorder.Count);
        Assert.Equal([new InsightService.Scope(null, "The whole city")], analyst);
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
