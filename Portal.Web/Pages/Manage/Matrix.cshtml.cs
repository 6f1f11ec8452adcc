using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Compliance;
using Portal.Infrastructure;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Manage;

/// <summary>
/// The staff training matrix for inspections: everyone on the staff, every topic their jobs require,
/// each cell's status in words and colour with its dates; filters, totals, compliance, and the same
/// view as CSV or Excel.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Portal.Web.Security.PortalRateLimiting.Reports)]
public sealed class MatrixModel(ComplianceService compliance, ContentStore content, AuditLog audit) : PageModel
{
    [FromQuery(Name = "org")]
    public Guid? Organisation { get; set; }

    [FromQuery(Name = "job")]
    public string? Job { get; set; }

    [FromQuery(Name = "team")]
    public string? Team { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    public ComplianceService.MatrixPage Matrix { get; private set; } = null!;

    public ContentSet Catalogue => content.Current;

    public string JobTitle(string slug) => Catalogue.Roles.TryGetValue(slug, out var role) ? role.Title : slug;

    /// <summary>
    /// The link to a member of staff's page without its id ("/manage/staff/"; the id is the path's
    /// last segment): the table adds each row's id, so a view generates one link, not one per person.
    /// </summary>
    public string StaffHref() => Url.Page("/Manage/Staff", new { id = 0L })![..^1];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) && await DownloadedAsync("csv", cancellationToken) ? MatrixExport.Csv(Matrix.View, JobTitle, FileName("csv")) : NotFound();

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) && await DownloadedAsync("xlsx", cancellationToken) ? MatrixExport.Excel(Matrix.View, JobTitle, Matrix.OrganisationName, Matrix.AsOfUtc, FilterWords(), FileName("xlsx")) : NotFound();

    /// <summary>What the view is limited to, in words, for the top of the workbook.</summary>
    private string FilterWords()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Job))
            parts.Add($"job: {JobTitle(Job)}");
        if (!string.IsNullOrWhiteSpace(Team))
            parts.Add($"team: {Team}");
        if (ParsedStatus() is { } status)
            parts.Add($"status: {ComplianceRules.Label(status)}");
        return parts.Count == 0 ? "Everyone on the staff" : "Showing only " + string.Join(", ", parts);
    }

    private ComplianceStatus? ParsedStatus() =>
        Enum.TryParse<ComplianceStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    /// <summary>A matrix names every member of staff: who took one away goes in the audit log.</summary>
    private async Task<bool> DownloadedAsync(string extension, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(Portal.Domain.Audit.AuditAction.ReportDownloaded, Portal.Domain.Audit.AuditSubject.Page, Request.Path.Value ?? "/manage/matrix",
            Matrix.OrganisationId, $"training matrix ({extension}, {Matrix.View.Rows.Count} people)", cancellationToken: cancellationToken);
        return true;
    }

    private string FileName(string extension) =>
        $"training-matrix-{Slug(Matrix.OrganisationName)}-{Matrix.AsOfUtc.UkIsoDate()}.{extension}";

    private static string Slug(string name) =>
        string.Join('-', new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <returns>False when the organisation is not one they manage (404).</returns>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var filter = new MatrixFilter(string.IsNullOrWhiteSpace(Job) ? null : Job, string.IsNullOrWhiteSpace(Team) ? null : Team, ParsedStatus());
        var page = await compliance.MatrixAsync(User.RequiredId(), Organisation, filter, cancellationToken);
        if (page is null)
            return false;
        Matrix = page;
        return true;
    }
}
