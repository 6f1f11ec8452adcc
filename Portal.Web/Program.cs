using Portal.Web;
using Portal.Web.Commands;

if (PortalCommands.IsCommand(args))
    return await PortalCommands.RunAsync(args);

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortal();
    var app = builder.Build();
    await app.PreparePortalAsync();
    app.UsePortal();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } message)
{
    // A wrong setting, invalid content or an unusable database: one clear message, no stack trace.
    await Console.Error.WriteLineAsync(message);
    return 1;
}

public partial class Program;
