namespace Portal.Domain.Compliance;

/// <summary>One cell of the matrix: the status, when the topic was done (or signed off) and when it runs out.</summary>
public readonly record struct ComplianceCell(ComplianceStatus Status, DateOnly? Done, DateOnly? Expires)
{
    /// <summary>Whether the topic counts as held today (valid, or valid but running out soon).</summary>
    public bool Held => Status is not (ComplianceStatus.Expired or ComplianceStatus.Missing);

    /// <summary>The issuer, when the cell stands on a credential recognised from a training passport rather than on training done here.</summary>
    public string? RecognisedFrom { get; init; }
}
