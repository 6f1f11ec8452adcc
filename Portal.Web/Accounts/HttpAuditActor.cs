using Portal.Infrastructure.Audit;

namespace Portal.Web.Accounts;

/// <summary>The signed-in person and the client address of the request in hand (after forwarded headers), for the audit log.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.IdIfSignedIn();

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
