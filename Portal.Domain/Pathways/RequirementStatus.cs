namespace Portal.Domain.Pathways;

public enum RequirementStatus
{
    /// <summary>The person holds it now.</summary>
    Met,

    /// <summary>Not held now, but an earlier step of the route gets it (its own requirement, or months in role).</summary>
    MetAlongRoute,

    /// <summary>Still needed to take this step; each gap is reported at the first step that needs it.</summary>
    Missing,
}
