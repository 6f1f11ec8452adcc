using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Navigation;
using Portal.Web.Accounts;

namespace Portal.Web.Pages.Navigate;

/// <summary>Someone the navigator met (a drop-in, a jobcentre referral): an invitation to join, and nothing more until they consent.</summary>
public sealed class AddModel(HelpInvitationService invitations) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name)> Hubs { get; private set; } = [];

    [BindProperty]
    public AddInput Input { get; set; } = new();

    public sealed class AddInput
    {
        public Guid? Hub { get; set; }

        public string? Name { get; set; }

        public string? Email { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Hubs = await invitations.HubsOfAsync(User.RequiredId(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await invitations.InviteAsync(User.RequiredId(), Input.Hub, Input.Name, Input.Email,
            token => Url.Page("/Navigation/Join", pageHandler: null, values: new { token }, protocol: Request.Scheme)!, cancellationToken);
        return await this.AnswerAsync(result, () =>
        {
            TempData["StatusMessage"] = $"Invitation sent to {Input.Email?.Trim()}. It works for {Portal.Domain.Navigation.HelpInvitation.LifeTime.Days} days; they join your caseload when they accept.";
            return RedirectToPage("/Navigate/Index");
        }, async () =>
        {
            await OnGetAsync(cancellationToken);
            return Page();
        });
    }
}
