using Portal.Infrastructure.Insight;

namespace Portal.Web.Pages.Insight;

/// <summary>What the filter form shows: the scopes to choose from, the months, and (where a page has them) the breakdowns.</summary>
public sealed record InsightFilter(IReadOnlyList<InsightService.Scope> Scopes, Guid? Organisation, string? From, string? To, IReadOnlyList<PipelineService.Breakdown>? Breakdowns = null, string? By = null, IReadOnlyDictionary<string, string?>? Hidden = null);
