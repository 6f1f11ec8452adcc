using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Training;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Profile;

/// <summary>Which training reminders a person gets, and the hours they are never sent in.</summary>
public sealed class RemindersModel(ReminderSettings settings) : PageModel
{
    [BindProperty]
    public bool Expiring { get; set; }

    [BindProperty]
    public bool Expired { get; set; }

    [BindProperty]
    public bool Stalled { get; set; }

    [BindProperty]
    public TimeOnly? QuietFrom { get; set; }

    [BindProperty]
    public TimeOnly? QuietUntil { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var preferences = await settings.GetAsync(User.RequiredId(), cancellationToken);
        (Expiring, Expired, Stalled, QuietFrom, QuietUntil) = (preferences.Expiring, preferences.Expired, preferences.Stalled, preferences.QuietFrom, preferences.QuietUntil);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (QuietFrom is null)
            ModelState.AddModelError(nameof(QuietFrom), "Enter a time like 21:00");
        if (QuietUntil is null)
            ModelState.AddModelError(nameof(QuietUntil), "Enter a time like 07:00");
        if (!ModelState.IsValid)
            return Page();
        var result = await settings.SaveAsync(User.RequiredId(), Expiring, Expired, Stalled, QuietFrom!.Value, QuietUntil!.Value, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = "Your reminder choices are saved.";
            return RedirectToPage();
        });
    }
}
