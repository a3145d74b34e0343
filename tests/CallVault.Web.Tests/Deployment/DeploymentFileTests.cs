using System.Net;
using System.Text.RegularExpressions;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Deployment;

/// <summary>
/// Containers cannot run here, so the deployment files are kept honest by reading them: every
/// <c>CallVault__…</c> variable they set must be a key the application binds, what a scaled-out
/// deployment needs must be there, and ports, health paths and service names must agree.
/// </summary>
public sealed partial class DeploymentFileTests
{
    private static readonly string[] RequiredForScaleOut =
    [
        "CallVault:Database:Provider", "CallVault:Database:ConnectionString", "CallVault:Storage:Provider",
        "CallVault:Storage:S3:ServiceUrl", "CallVault:Storage:S3:Bucket", "CallVault:Storage:S3:AccessKey",
        "CallVault:Storage:S3:SecretKey", "CallVault:Auth:AdminApiKey", "CallVault:PublicBaseUrl",
    ];

    [Fact]
    public void Compose_CallVaultInstances_SetOnlyBoundKeysAndShareOneDatabaseAndBucket()
    {
        var services = Services();
        var instances = CallVaultInstances(services);

        Assert.Equal(2, instances.Count);
        var environments = instances.Select(i => Map(Map(services[i])["environment"])).ToList();
        foreach (var (name, environment) in instances.Zip(environments))
        {
            var keys = environment.Keys.Where(k => k.StartsWith("CallVault__", StringComparison.Ordinal)).Select(BoundConfigurationKeys.FromEnvironment).ToList();
            Assert.All(keys, k => Assert.True(BoundConfigurationKeys.IsBound(k), $"{name}: {k} is not a configuration key the application binds"));
            Assert.All(RequiredForScaleOut, k => Assert.Contains(k, keys, StringComparer.OrdinalIgnoreCase));
            Assert.Equal("postgres", environment["CallVault__Database__Provider"]);
            Assert.Equal("s3", environment["CallVault__Storage__Provider"]);
            var s3Host = new Uri((string)environment["CallVault__Storage__S3__ServiceUrl"]!).Host;
            Assert.Contains("minio", Image(services, s3Host), StringComparison.Ordinal);
            var dbHost = Regex.Match((string)environment["CallVault__Database__ConnectionString"]!, "Host=([^;]+)").Groups[1].Value;
            Assert.StartsWith("postgres:", Image(services, dbHost), StringComparison.Ordinal);
            Assert.Equal("deploy/Dockerfile", Map(Map(services[name])["build"])["dockerfile"]);
        }

        // One database and one bucket: the instances differ in nothing that places data.
        foreach (var key in environments[0].Keys.Where(k => k.StartsWith("CallVault__Database", StringComparison.Ordinal) || k.StartsWith("CallVault__Storage", StringComparison.Ordinal)))
        {
            Assert.All(environments, e => Assert.Equal(environments[0][key], e[key]));
        }
    }

    [Fact]
    public void Compose_EveryVariableItInterpolates_IsInTheExampleEnvironmentFile()
    {
        var compose = DeploymentFiles.Read("deploy/compose.yaml");
        var example = DeploymentFiles.IniEntries(DeploymentFiles.Read("deploy/compose.env.example")).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var used = InterpolationPattern().Matches(compose).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, v => Assert.Contains(v, example));
    }

    [Fact]
    public void Compose_LoadBalancer_SendsToEachInstanceOnTheImagePort()
    {
        var services = Services();
        var port = ImagePort();
        var lb = Map(services["lb"]);
        var nginx = DeploymentFiles.Read("deploy/nginx.conf");
        var upstream = Regex.Matches(nginx, @"server\s+([a-z0-9-]+):(\d+)").Select(m => (Host: m.Groups[1].Value, Port: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.StartsWith("nginx:", (string)lb["image"]!, StringComparison.Ordinal);
        Assert.Contains(List(lb["volumes"]), v => ((string)v!).StartsWith("./nginx.conf:", StringComparison.Ordinal));
        Assert.Equal(CallVaultInstances(services).Order(), upstream.Select(u => u.Host).Order());
        Assert.All(upstream, u => Assert.Equal(port, u.Port));
        Assert.All(CallVaultInstances(services), i => Assert.Contains(i, Map(lb["depends_on"]).Keys));
        foreach (var instance in CallVaultInstances(services))
        {
            var check = (string)Map(Map(services[instance])["healthcheck"])["test"]!;
            Assert.All(DeploymentFiles.LoopbackUrls(check), u => Assert.Equal(port, u.Port));
        }
    }

    [Fact]
    public void Dockerfile_MultiStage_PublishesTheExecutableAndRunsItAsNonRootWithFfmpeg()
    {
        var instructions = DeploymentFiles.DockerInstructions(DeploymentFiles.Read("deploy/Dockerfile"));
        var stages = instructions.Count(i => i.Keyword == "FROM");
        var final = instructions.Skip(instructions.FindLastIndex(i => i.Keyword == "FROM")).ToList();

        Assert.True(stages >= 2, "build and runtime stages");
        Assert.Contains(instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish src/CallVault/CallVault.csproj", StringComparison.Ordinal));
        Assert.Contains("/dotnet/aspnet:", final[0].Arguments, StringComparison.Ordinal);
        Assert.Contains(final, i => i.Keyword == "RUN" && i.Arguments.Contains("apt-get install", StringComparison.Ordinal) && i.Arguments.Contains("ffmpeg", StringComparison.Ordinal));
        var user = final.Last(i => i.Keyword == "USER").Arguments;
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.True(final.FindLastIndex(i => i.Keyword == "USER") > final.FindLastIndex(i => i.Keyword is "RUN" or "COPY"), "USER comes after the last RUN and COPY");
        // The entry point is the published executable's name.
        var assemblyName = Regex.Match(DeploymentFiles.Read("src/CallVault/CallVault.csproj"), "<AssemblyName>([^<]+)</AssemblyName>").Groups[1].Value;
        Assert.Equal($"[\"/app/{assemblyName}\"]", final.Single(i => i.Keyword == "ENTRYPOINT").Arguments);
        // Every file the build copies exists.
        foreach (var copy in instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)))
        {
            var sources = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];
            Assert.All(sources, s => Assert.True(Path.Exists(Path.Combine(DeploymentFiles.RepositoryRoot, s)), $"COPY source {s} is missing"));
        }

        var environment = final.Where(i => i.Keyword == "ENV").SelectMany(i => DeploymentFiles.Assignments(i.Arguments)).ToList();
        Assert.All(environment.Where(e => e.Key.StartsWith("CallVault__", StringComparison.Ordinal)),
            e => Assert.True(BoundConfigurationKeys.IsBound(BoundConfigurationKeys.FromEnvironment(e.Key)), $"{e.Key} is not bound"));
        Assert.Equal(ImagePort().ToString(System.Globalization.CultureInfo.InvariantCulture), final.Single(i => i.Keyword == "EXPOSE").Arguments);
    }

    [Fact]
    public void SystemdUnit_Hardened_SetsOnlyBoundKeysAndRunsTheExecutable()
    {
        var entries = DeploymentFiles.IniEntries(DeploymentFiles.Read("deploy/callvault.service"));
        string Single(string key) => entries.Single(e => e.Section == "Service" && e.Key == key).Value;

        Assert.Equal(["Unit", "Service", "Install"], entries.Select(e => e.Section).Distinct());
        Assert.Equal("/opt/callvault/callvault serve", Single("ExecStart"));
        Assert.NotEqual("root", Single("User"));
        foreach (var (key, value) in new[] { ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes"),
            ("PrivateDevices", "yes"), ("CapabilityBoundingSet", ""), ("RestrictSUIDSGID", "yes"), ("SystemCallFilter", "@system-service") })
        {
            Assert.Equal(value, Single(key));
        }

        // The .NET JIT needs writable and executable memory.
        Assert.DoesNotContain(entries, e => e.Key == "MemoryDenyWriteExecute" && e.Value == "yes");
        var variables = entries.Where(e => e.Key == "Environment").Select(e => DeploymentFiles.EnvironmentAssignment(e.Value))
            .Concat(DeploymentFiles.IniEntries(DeploymentFiles.Read("deploy/callvault.env.example")).Select(e => new KeyValuePair<string, string>(e.Key, e.Value)))
            .ToList();
        var keys = variables.Where(v => v.Key.StartsWith("CallVault__", StringComparison.Ordinal)).Select(v => BoundConfigurationKeys.FromEnvironment(v.Key)).ToList();
        Assert.All(keys, k => Assert.True(BoundConfigurationKeys.IsBound(k), $"{k} is not bound"));
        Assert.Contains("CallVault:Auth:AdminApiKey", keys);
        // Data goes where the unit lets the service write.
        Assert.Equal("callvault", Single("StateDirectory"));
        Assert.All(variables.Where(v => v.Key is "CallVault__Storage__Path" or "CallVault__Storage__TempPath"),
            v => Assert.StartsWith("/var/lib/callvault/", v.Value, StringComparison.Ordinal));
        Assert.Contains("Data Source=/var/lib/callvault/", variables.Single(v => v.Key == "CallVault__Database__ConnectionString").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthPaths_UsedByTheDeploymentFiles_AnswerOnARealServer()
    {
        var paths = new[] { "deploy/compose.yaml", "deploy/Dockerfile" }
            .SelectMany(f => DeploymentFiles.LoopbackUrls(DeploymentFiles.Read(f)).Select(u => u.Path))
            .Concat(Regex.Matches(DeploymentFiles.Read("deploy/nginx.conf"), @"location = (/[a-z]+)").Select(m => m.Groups[1].Value).Where(p => p != "/metrics"))
            .Distinct().ToList();
        await using var host = await CallVaultTestHost.StartAsync(null);

        Assert.NotEmpty(paths);
        foreach (var path in paths)
        {
            using var response = await host.Anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void Readme_DocumentsEachDeploymentFile()
    {
        var readme = DeploymentFiles.Read("README.md");

        foreach (var file in new[] { "deploy/Dockerfile", "deploy/compose.yaml", "deploy/callvault.service", "deploy/nginx.conf" })
        {
            Assert.Contains(file, readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MiniYaml_OutsideItsSubsetOrMalformed_IsRejected()
    {
        // The parser must fail loudly rather than misread the compose file.
        Assert.Throws<FormatException>(() => MiniYaml.Parse("a: &x 1\nb: *x\n"));
        Assert.Throws<FormatException>(() => MiniYaml.Parse("a: 1\na: 2\n"));
        Assert.Throws<FormatException>(() => MiniYaml.Parse("a:\n  b: 1\n    c: 2\n"));
        Assert.Throws<FormatException>(() => MiniYaml.Parse("a:\n\tb: 1\n"));
        var parsed = MiniYaml.Parse("a:\n  b: \"x: y\" # note\n  c:\n    - one\n    - \"8080:80\"\n");
        Assert.Equal("x: y", Map(parsed["a"])["b"]);
        Assert.Equal(["one", "8080:80"], List(Map(parsed["a"])["c"]));
    }

    private static Dictionary<string, object?> Services() =>
        Map(MiniYaml.Parse(DeploymentFiles.Read("deploy/compose.yaml"))["services"]);

    /// <summary>The services built from the CallVault image.</summary>
    private static List<string> CallVaultInstances(Dictionary<string, object?> services) =>
        [.. services.Where(s => Map(s.Value).ContainsKey("build") || Map(s.Value).GetValueOrDefault("image") as string == "callvault:latest").Select(s => s.Key)];

    private static string Image(Dictionary<string, object?> services, string name) =>
        Assert.IsType<string>(Map(Assert.Contains(name, services))["image"]);

    private static int ImagePort()
    {
        var final = DeploymentFiles.DockerInstructions(DeploymentFiles.Read("deploy/Dockerfile"));
        var urls = final.Where(i => i.Keyword == "ENV").SelectMany(i => DeploymentFiles.Assignments(i.Arguments)).Single(a => a.Key == "ASPNETCORE_URLS").Value;
        return int.Parse(urls[(urls.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, object?> Map(object? value) => Assert.IsType<Dictionary<string, object?>>(value);

    private static List<object?> List(object? value) => Assert.IsType<List<object?>>(value);

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)(:?[?-][^}]*)?\}")]
    private static partial Regex InterpolationPattern();
}
