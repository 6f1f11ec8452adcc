using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Organisations;

namespace Portal.Web.Pages.Admin.Organisations;

/// <summary>Where an organisation mainly gives care: what the city's training and workforce figures are split by.</summary>
public sealed class SettingModel(OrganisationService organisations) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;

    [BindProperty]
    public SettingInput Input { get; set; } = new();

    /// <param name="Setting">Empty for "not recorded".</param>
    public sealed record SettingInput(CareSetting? Setting = null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await organisations.FindAsync(id, cancellationToken) is not { } organisation)
            return NotFound();
        Organisation = organisation;
        if (Request.Method == HttpMethods.Get)
            Input = new SettingInput(organisation.Setting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("Input.Setting", "Choose a care setting from the list");
            return await OnGetAsync(id, cancellationToken);
        }
        var result = await organisations.ChangeSettingAsync(id, Input.Setting, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = $"Care setting recorded: {CareSettings.Name(Input.Setting)}.";
            return RedirectToPage("/Admin/Organisations/Organisation", new { id });
        }, () => OnGetAsync(id, cancellationToken), field: _ => "Input.Setting");
    }
}
