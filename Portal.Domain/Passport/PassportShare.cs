namespace Portal.Domain.Passport;

/// <summary>
/// A link the holder gives an employer to a set of their credentials they chose, until a date they
/// chose or until they withdraw it. Only a hash of the link's token is kept (as with invitations),
/// so the table alone opens nothing.
/// </summary>
public sealed class PassportShare
{
    public const int MaxDays = 90;
    public const int TokenHashLength = 64;

    private readonly List<PassportShareItem> _items = [];

    private PassportShare()
    {
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }

    /// <summary>How many times the shared page has been opened, so the holder knows it was looked at.</summary>
    public int Views { get; private set; }

    public IReadOnlyList<PassportShareItem> Items => _items;

    public static PassportShare Create(string userId, string tokenHash, IReadOnlyCollection<Guid> credentialIds, DateTime expiresAtUtc, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(credentialIds);
        if (tokenHash is not { Length: TokenHashLength })
            throw new ArgumentException("A share keeps the hash of its token.", nameof(tokenHash));
        if (CreateProblem(credentialIds.Count, expiresAtUtc, utcNow) is { } problem)
            throw new ArgumentException(problem);
        var share = new PassportShare { Id = Guid.NewGuid(), UserId = userId, TokenHash = tokenHash, CreatedAtUtc = utcNow, ExpiresAtUtc = expiresAtUtc };
        share._items.AddRange(credentialIds.Distinct().Select(id => new PassportShareItem(share.Id, id)));
        return share;
    }

    /// <summary>What stops a share, in words for the form, or null.</summary>
    public static string? CreateProblem(int credentials, DateTime expiresAtUtc, DateTime utcNow) =>
        credentials == 0 ? "Choose at least one credential to share"
        : expiresAtUtc <= utcNow ? "Choose a date after today for the link to stop working"
        : expiresAtUtc > utcNow.AddDays(MaxDays) ? $"A link can last at most {MaxDays} days; make a new one after that"
        : null;

    public bool OpenAt(DateTime utcNow) => WithdrawnAtUtc is null && utcNow < ExpiresAtUtc;

    public void Withdraw(DateTime utcNow)
    {
        if (WithdrawnAtUtc is null)
            WithdrawnAtUtc = utcNow;
    }
}

/// <summary>One credential a share shows.</summary>
public sealed record PassportShareItem(Guid ShareId, Guid CredentialId);
