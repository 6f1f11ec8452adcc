using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Navigation;
using Portal.Infrastructure.Navigation;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigation;

/// <summary>"I'd like someone to help me find work in care": the request to a talent hub, kept only with consent.</summary>
public sealed class AskModel(HelpService help) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name)> Hubs { get; private set; } = [];

    [BindProperty]
    public AskInput Input { get; set; } = new();

    public sealed class AskInput
    {
        public Guid? Hub { get; set; }

        [Display(Name = "What would you like help with?")]
        public string? HelpWith { get; set; }

        public ContactPreference ContactBy { get; set; } = ContactPreference.Email;

        public string? Phone { get; set; }

        public string? ContactTimes { get; set; }

        public bool Consent { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await help.MineAsync(User.RequiredId(), cancellationToken) is not null)
            return RedirectToPage("/Navigation/Index");
        Hubs = await help.HubsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await help.AskAsync(User.RequiredId(), new HelpService.Ask(Input.Hub, Input.HelpWith, Input.ContactBy, Input.Phone, Input.ContactTimes, Input.Consent), cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            TempData["StatusMessage"] = "Your request has gone to the hub. A navigator will contact you the way you asked.";
            return RedirectToPage("/Navigation/Index");
        }, async () =>
        {
            Hubs = await help.HubsAsync(cancellationToken);
            return Page();
        });
    }
}
