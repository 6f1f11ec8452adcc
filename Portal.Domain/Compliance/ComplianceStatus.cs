namespace Portal.Domain.Compliance;

/// <summary>
/// Where one person stands on one required topic, as an inspector reads it. The order is from best
/// to worst, so the worst of several is the maximum.
/// </summary>
public enum ComplianceStatus
{
    Valid,
    Expiring90,
    Expiring60,
    Expiring30,
    Expired,
    Missing,
}
