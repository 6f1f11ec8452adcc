namespace Portal.Domain.Passport;

/// <summary>
/// Another issuer of Open Badges whose credentials this portal recognises: its issuer id (the
/// credentials' <c>iss</c>), a name people know it by, and where its public keys are published.
/// A credential's <c>kid</c> must sit under that address, so a trusted issuer cannot be impersonated
/// by a credential that names a key somewhere else. Removal is kept, not deleted: it stops new
/// recognitions, and the list says who trusted whom and when.
/// </summary>
public sealed class TrustedIssuer
{
    public const int MaxUrlLength = 400;
    public const int MaxNameLength = 200;

    private TrustedIssuer()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The issuer's id, exactly as its credentials carry it in <c>iss</c> and <c>issuer.id</c>.</summary>
    public string IssuerUrl { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The key set's address; each key is at this address, a slash and its id.</summary>
    public string KeysUrl { get; private set; } = "";

    public string AddedBy { get; private set; } = "";
    public DateTime AddedAtUtc { get; private set; }
    public DateTime? RemovedAtUtc { get; private set; }
    public string? RemovedBy { get; private set; }

    public bool Active => RemovedAtUtc is null;

    public static TrustedIssuer Add(string issuerUrl, string name, string keysUrl, string addedBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(addedBy);
        if (AddProblem(issuerUrl, name, keysUrl) is { } problem)
            throw new ArgumentException(problem.Message);
        return new TrustedIssuer
        {
            Id = Guid.NewGuid(),
            IssuerUrl = issuerUrl.Trim(),
            Name = name.Trim(),
            KeysUrl = keysUrl.Trim().TrimEnd('/'),
            AddedBy = addedBy,
            AddedAtUtc = utcNow,
        };
    }

    /// <summary>What is wrong with a new entry, as the field and words for the form, or null.</summary>
    public static (string Field, string Message)? AddProblem(string? issuerUrl, string? name, string? keysUrl) =>
        string.IsNullOrWhiteSpace(name) ? ("Name", "Enter the issuer's name, as people know it")
        : name.Trim().Length > MaxNameLength ? ("Name", $"Keep the name to {MaxNameLength} characters")
        : !IsWebAddress(issuerUrl) ? ("IssuerUrl", "Enter the issuer's id: the web address its credentials name as their issuer, starting https://")
        : !IsWebAddress(keysUrl) ? ("KeysUrl", "Enter the web address of the issuer's public keys, starting https://")
        : null;

    /// <summary>Whether a credential's key id names a key published under this issuer's key address.</summary>
    public bool Publishes(string? kid) =>
        kid is not null && kid.Length > KeysUrl.Length + 1 && kid.StartsWith(KeysUrl + "/", StringComparison.Ordinal)
            && !kid.AsSpan(KeysUrl.Length + 1).Contains('/') && !kid.Contains('?', StringComparison.Ordinal) && !kid.Contains('#', StringComparison.Ordinal);

    public void Remove(string removedBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(removedBy);
        if (!Active)
            throw new InvalidOperationException("This issuer was already removed from the trust list.");
        RemovedAtUtc = utcNow;
        RemovedBy = removedBy;
    }

    private static bool IsWebAddress(string? text) =>
        text is { Length: > 0 and <= MaxUrlLength } && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
