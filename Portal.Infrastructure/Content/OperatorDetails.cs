namespace Portal.Infrastructure.Content;

/// <summary>
/// Who runs this copy of the portal, as settings under <c>Content:Operator</c>. The privacy notice
/// and accessibility statement name them with tokens such as <c>{{operator-name}}</c>, because the
/// same content ships to every operator and only they can say who the data controller is.
/// </summary>
public sealed class OperatorDetails
{
    /// <summary>The organisation that runs the portal and is the data controller.</summary>
    public string? Name { get; set; }

    /// <summary>Where people write to about the portal, its accessibility and their data.</summary>
    public string? Email { get; set; }

    public string? Address { get; set; }

    /// <summary>The data protection officer, or whoever answers data protection requests.</summary>
    public string? PrivacyContact { get; set; }

    /// <summary>How long each kind of record is kept, in a sentence or two, as the operator has decided.</summary>
    public string? Retention { get; set; }

    /// <summary>The tokens pages may use, with the setting each comes from.</summary>
    internal IReadOnlyDictionary<string, (string Setting, string? Value)> Tokens() => new Dictionary<string, (string, string?)>(StringComparer.Ordinal)
    {
        ["operator-name"] = ("Content:Operator:Name", Name),
        ["operator-email"] = ("Content:Operator:Email", Email),
        ["operator-address"] = ("Content:Operator:Address", Address),
        ["privacy-contact"] = ("Content:Operator:PrivacyContact", PrivacyContact),
        ["retention"] = ("Content:Operator:Retention", Retention),
    };
}
