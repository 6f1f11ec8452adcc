namespace Portal.Infrastructure.Accounts;

/// <summary>
/// One signed-in browser, kept on the server so that ending it ends it on every node at once: the
/// cookie carries only a random key, and a key whose row is gone opens nothing. The row's id is a
/// hash of that key, so a copy of the database holds no usable cookie.
/// </summary>
public sealed class UserSession
{
    public const int IdLength = 43;
    public const int MaxDeviceLength = 60;

    private UserSession()
    {
    }

    /// <summary>SHA-256 of the cookie's key, base64url.</summary>
    public string Id { get; private set; } = "";

    public string UserId { get; private set; } = "";

    /// <summary>The sign-in ticket (who, claims, how they signed in), serialised and encrypted with the data-protection keys.</summary>
    public byte[] Ticket { get; private set; } = [];

    public DateTime CreatedUtc { get; private set; }

    /// <summary>Coarse: moved forward at most every few minutes, so reading a page rarely writes.</summary>
    public DateTime LastSeenUtc { get; private set; }

    /// <summary>When it ends if unused (the sliding expiry, moved on as it is used).</summary>
    public DateTime ExpiresUtc { get; private set; }

    /// <summary>When it ends however much it is used: fixed at sign-in.</summary>
    public DateTime AbsoluteExpiresUtc { get; private set; }

    /// <summary>Browser and system in words ("Chrome on Android"), so a person can tell their sessions apart.</summary>
    public string Device { get; private set; } = "";

    public static UserSession Start(string id, string userId, byte[] ticket, DateTime nowUtc, DateTime expiresUtc, TimeSpan absoluteLifetime, string device)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(device);
        var absolute = nowUtc + absoluteLifetime;
        return new UserSession
        {
            Id = id,
            UserId = userId,
            Ticket = ticket,
            CreatedUtc = nowUtc,
            LastSeenUtc = nowUtc,
            ExpiresUtc = expiresUtc < absolute ? expiresUtc : absolute,
            AbsoluteExpiresUtc = absolute,
            Device = device.Length > MaxDeviceLength ? device[..MaxDeviceLength] : device,
        };
    }

    public bool IsLive(DateTime nowUtc) => ExpiresUtc > nowUtc && AbsoluteExpiresUtc > nowUtc;
}
