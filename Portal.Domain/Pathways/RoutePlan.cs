namespace Portal.Domain.Pathways;

/// <summary>
/// The answer to "I am <see cref="From"/>, I want to be <see cref="To"/>": routes best first
/// (fewest typical months, then fewest steps, then role slugs compared ordinally one by one).
/// Empty unless <see cref="Outcome"/> is <see cref="RoutePlanOutcome.Found"/>.
/// </summary>
public sealed record RoutePlan(RoutePlanOutcome Outcome, string From, string To, IReadOnlyList<Route> Routes)
{
    public bool Found => Outcome == RoutePlanOutcome.Found;

    public Route? Shortest => Routes.Count > 0 ? Routes[0] : null;
}
