using Microsoft.AspNetCore.Authorization;

namespace Portal.Web.Accounts;

/// <summary>
/// The areas that show other people's data need a session that signed in with two factors. A
/// person who has two-factor turned on but signed in some other way is asked for the second factor
/// (<see cref="StepUpRedirect"/>), not let in.
/// </summary>
public sealed class SessionTwoFactorRequirement : IAuthorizationRequirement;
