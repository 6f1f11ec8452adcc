namespace Portal.Infrastructure.Audit;

/// <summary>
/// Who is acting and from where, for the audit log. The web host answers from the request; jobs
/// and operator commands have nobody signed in, so their events carry no actor and no address.
/// </summary>
public interface IAuditActor
{
    string? UserId { get; }

    string? IpAddress { get; }
}

public sealed class NoAuditActor : IAuditActor
{
    public string? UserId => null;

    public string? IpAddress => null;
}
