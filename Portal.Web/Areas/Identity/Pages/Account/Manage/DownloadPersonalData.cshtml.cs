using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Accounts;
using Portal.Web.Accounts;
using Portal.Web.Pages.Profile;

namespace Portal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces Identity UI's download, which held six account fields: the "Download" button on the
/// account's personal data page now gives the whole of what the portal holds (as "Your data" does).
/// </summary>
public sealed class DownloadPersonalDataModel(PersonalData personalData) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Profile/Data", new { area = "" });

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return await this.AnswerAsync(await personalData.DownloadAsync(User.RequiredId(), cancellationToken), DataModel.JsonFile);
    }
}
