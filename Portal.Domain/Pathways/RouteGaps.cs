namespace Portal.Domain.Pathways;

/// <summary>A route with every step's requirements checked against one person's holdings.</summary>
public sealed record RouteGaps(Route Route, IReadOnlyList<StepGaps> Steps)
{
    /// <summary>Everything still to get, in route order, each once.</summary>
    public IEnumerable<RequirementCheck> Missing => Steps.SelectMany(static s => s.Missing);
}
