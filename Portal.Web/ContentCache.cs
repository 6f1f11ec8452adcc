using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Infrastructure.Content;

namespace Portal.Web;

/// <summary>
/// Pages built only from content (home, careers, help, the Learn catalogue and module outlines) are
/// cached whole for signed-out visitors and evicted together whenever the content is loaded again,
/// so an edit shows at once.
/// </summary>
internal static class ContentCache
{
    public const string Policy = "content";
    public const string Tag = "content";

    /// <summary>Signed-out job searches and vacancy pages: the same tag (a vacancy change evicts them), a short life.</summary>
    public const string JobsPolicy = "jobs";

    public static void Apply(PageApplicationModel model) =>
        model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = Policy });

    public static void ApplyJobs(PageApplicationModel model) =>
        model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = JobsPolicy });

    // Waits for the eviction so that no request after Load returns can be served an old page; the
    // in-memory store evicts synchronously and the shared one (several nodes, SharedOutputCache)
    // when Redis has deleted the pages, so nothing blocks for long.
    public static void EvictOnReload(ContentStore content, IOutputCacheStore cache) =>
        content.Reloaded += (_, _) => cache.EvictByTagAsync(Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// Ends a cached page's life at the next midnight (UTC) at the latest. A vacancy is open to the end
/// of its closing date (the job search's day is the UTC day), so a role page or a search cached
/// before midnight must not go on listing one after it.
/// </summary>
internal sealed class UntilMidnight(TimeProvider clock) : IOutputCachePolicy
{
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var untilMidnight = now.Date.AddDays(1) - now;
        if (context.ResponseExpirationTimeSpan is not { } expires || untilMidnight < expires)
            context.ResponseExpirationTimeSpan = untilMidnight;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
