using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Profile;

/// <summary>
/// "Your data": everything the portal holds about the signed-in person, to read on the page or take
/// away as a JSON file, and who in which organisation has opened their profile or record.
/// </summary>
public sealed class DataModel(PersonalData personalData, AuditLog audit) : PageModel
{
    public PersonalData.Export Data { get; private set; } = null!;

    public IReadOnlyList<AuditLog.Opened> OpenedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.RequiredId();
        if (await personalData.ReadAsync(userId, cancellationToken) is not { } data)
            return NotFound();
        Data = data;
        OpenedBy = await audit.WhoOpenedAsync(userId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        // Everything about a person: no copy may stay in a shared or proxy cache.
        Response.Headers.CacheControl = "no-store";
        return await this.AnswerAsync(await personalData.DownloadAsync(User.RequiredId(), cancellationToken), JsonFile);
    }

    internal static FileContentResult JsonFile(PersonalData.Export data) =>
        new(PersonalData.ToJson(data), "application/json") { FileDownloadName = $"my-portal-data-{data.MadeAtUtc:yyyy-MM-dd}.json" };
}
