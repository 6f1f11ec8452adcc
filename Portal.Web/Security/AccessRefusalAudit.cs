using System.Globalization;
using Portal.Domain.Audit;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;

namespace Portal.Web.Security;

/// <summary>
/// Logs a signed-in person refused a page (403) or answered "not found" by a page that exists (404:
/// an id that is not theirs, such as another organisation's vacancy, answers so). Probing other
/// organisations' ids shows up in the audit log under the person who did it.
/// </summary>
public sealed class AccessRefusalAudit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AuditLog audit, PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(db);
        await next(context);
        var status = context.Response.StatusCode;
        // No endpoint: an address no page answers to, not a refusal. The error page shown for a
        // refusal runs this again with the same status: the refusal is already on record.
        if (status is not (StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
            || context.User.Identity?.IsAuthenticated != true
            || context.GetEndpoint() is null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            return;
        // Whatever the refused request left tracked was not meant to be saved; the event alone is.
        db.ChangeTracker.Clear();
        await audit.WriteAsync(
            AuditAction.AccessRefused, AuditSubject.Page, context.Request.Path.Value ?? "/",
            details: string.Create(CultureInfo.InvariantCulture, $"{status} on {context.Request.Method} {context.Request.Path}"),
            cancellationToken: CancellationToken.None);
    }
}
