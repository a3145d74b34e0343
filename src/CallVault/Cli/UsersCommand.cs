using System.CommandLine;
using System.Text;
using CallVault.Infrastructure.Access;
using CallVault.Infrastructure.Persistence;
using CallVault.Web.Access;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Cli;

/// <summary><c>callvault users add --name NAME --role viewer|admin</c>, the password from standard input.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Manage dashboard users.");
        command.Subcommands.Add(AddUser());
        return command;
    }

    private static Command AddUser()
    {
        var role = AccessOptions.Role();
        var name = AccessOptions.Name("The name to sign in with.");
        var command = new Command("add", $"Add a dashboard user; the password ({UserAccounts.MinPasswordLength}+ characters) is read from standard input.") { role, name };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => OneShotHost.RunAsync(parse, async (services, ct) =>
        {
            var userName = parse.GetValue(name)!;
            if (!AccessNames.IsValid(userName))
            {
                return CliErrors.Fail(AccessNames.Rule);
            }

            var password = ReadPassword();
            if (password.Length is < UserAccounts.MinPasswordLength or > UserAccounts.MaxPasswordLength)
            {
                return CliErrors.Fail($"the password must be {UserAccounts.MinPasswordLength} to {UserAccounts.MaxPasswordLength} characters (read from standard input)");
            }

            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            var user = await services.GetRequiredService<UserAccounts>().AddAsync(userName, parse.GetValue(role)!, password, ct);
            if (user is null)
            {
                return CliErrors.Fail($"a user named '{userName}' exists");
            }

            await CliAudit.WriteAsync(services, "users add", $"name={userName}, role={user.Role}", ct);
            Console.WriteLine($"Added {user.Role} user '{userName}'.");
            return 0;
        }, cancellationToken));
        return command;
    }

    /// <summary>The first line of standard input; on a terminal, typed without echo.</summary>
    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? string.Empty;
        }

        Console.Error.Write("Password: ");
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
