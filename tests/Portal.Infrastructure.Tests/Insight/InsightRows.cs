using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Domain.Programmes;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Insight;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Insight;

/// <summary>What the insight rollup tests share: the rollup job as the portal runs it, and the rows they add.</summary>
internal static class InsightRows
{
    /// <summary>The hourly rollup (or, <paramref name="full"/>, from scratch) over the test database; the number of months it worked out.</summary>
    public static async Task<int> RollupAsync(TestDatabase database, TimeProvider time, bool full, params IInterceptor[] interceptors)
    {
        await using var db = database.CreateContext(interceptors);
        var pipeline = new PipelineRollup(db, new PriorityNeighbourhoods(["LS9 7"]), Options.Create(new TalentOptions()));
        using var figures = new InsightFiguresCache();
        return await new InsightRollupJob(db, time, NullLogger<InsightRollupJob>.Instance, pipeline, new RetentionRollup(db, ShippedContent.Store), figures).RunAsync(full, CancellationToken.None);
    }

    /// <summary>A confirmed account created at <paramref name="created"/>; its id.</summary>
    public static string Person(PortalDbContext db, DateTime created)
    {
        var id = Guid.NewGuid().ToString();
        var email = $"{id}@example.com";
        db.Users.Add(new PortalUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, CreatedUtc = created });
        return id;
    }

    /// <summary>A first pass of the module at <paramref name="at"/>: the progress row and the completion.</summary>
    public static void Pass(PortalDbContext db, string userId, string module, DateTime at)
    {
        var progress = ModuleProgress.Start(userId, module, "v1", at.AddMinutes(-10));
        progress.MarkPassed(at);
        db.AddRange(progress, Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), Guid.NewGuid().ToString("N")[..24], at));
    }
}
