using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Passport;

namespace Portal.Web.Pages.Passport;

/// <summary>The issuer's Profile (OB 3.0 B.1.14) at its own id, for verifiers that look the issuer up.</summary>
[AllowAnonymous]
public sealed class IssuerModel(PassportService passport) : PageModel
{
    public IActionResult OnGet() => Content(passport.Issuer().ToJsonString(), "application/json");
}
