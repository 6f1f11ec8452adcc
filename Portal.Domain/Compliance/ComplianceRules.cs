namespace Portal.Domain.Compliance;

public static class ComplianceRules
{
    /// <summary>The cell for a topic done at <paramref name="doneAtUtc"/> that runs out at <paramref name="expiresAtUtc"/> (null: never).</summary>
    public static ComplianceCell Cell(DateTime? doneAtUtc, DateTime? expiresAtUtc, DateTime nowUtc)
    {
        if (doneAtUtc is not { } done)
            return new(ComplianceStatus.Missing, null, null);
        var doneOn = DateOnly.FromDateTime(done);
        if (expiresAtUtc is not { } expires)
            return new(ComplianceStatus.Valid, doneOn, null);
        var left = expires - nowUtc;
        var status = left <= TimeSpan.Zero ? ComplianceStatus.Expired
            : left <= TimeSpan.FromDays(30) ? ComplianceStatus.Expiring30
            : left <= TimeSpan.FromDays(60) ? ComplianceStatus.Expiring60
            : left <= TimeSpan.FromDays(90) ? ComplianceStatus.Expiring90
            : ComplianceStatus.Valid;
        return new(status, doneOn, DateOnly.FromDateTime(expires));
    }

    /// <summary>The words for a status: the matrix never relies on colour alone.</summary>
    public static string Label(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Valid => "Valid",
        ComplianceStatus.Expiring90 => "Expires within 90 days",
        ComplianceStatus.Expiring60 => "Expires within 60 days",
        ComplianceStatus.Expiring30 => "Expires within 30 days",
        ComplianceStatus.Expired => "Expired",
        _ => "Missing",
    };

    /// <summary>A short label for a cell where space is tight.</summary>
    public static string ShortLabel(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Valid => "Valid",
        ComplianceStatus.Expiring90 => "90 days",
        ComplianceStatus.Expiring60 => "60 days",
        ComplianceStatus.Expiring30 => "30 days",
        ComplianceStatus.Expired => "Expired",
        _ => "Missing",
    };
}
