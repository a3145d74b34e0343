using System.Globalization;
using System.Security.Cryptography;
using CallVault.Simulator;
using Microsoft.Data.Sqlite;

namespace CallVault.Bench.Scenarios;

/// <summary>
/// Seeds a reconciliation benchmark: stored recording rows written straight into the SQLite file (one
/// transaction, one prepared statement), a tiny object on disk for each, and optionally the same
/// recordings in the simulator's list. Plants known faults so the run's counts can be checked.
/// </summary>
internal static class ReconcileSeed
{
    public const int Faults = 5;

    public sealed record Result(int Rows, int Objects, TimeSpan Elapsed);

    public static Result Write(string databasePath, string storageRoot, TwilioSimulator? simulator, int count, int days, DateTime now)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Recordings" ("Id", "Provider", "ProviderRecordingId", "ProviderCallId", "Status", "ProviderStatus", "Channels", "DurationSeconds",
                "Format", "SizeBytes", "Sha256", "StorageKey", "CreatedAt", "UpdatedAt", "StoredAt")
            VALUES ($id, 'twilio', $sid, $call, 'Stored', 'completed', 1, 1.0, 'wav', $size, $sha, $key, $at, $at, $at)
            """;
        var parameters = new[] { "$id", "$sid", "$call", "$size", "$sha", "$key", "$at" }.ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter(n, null)));
        insert.Prepare();
        var objects = 0;
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            var created = now.AddDays(-(i % days)).AddSeconds(-(i % 3600) - 60);
            var callSid = "CA" + Guid.NewGuid().ToString("N");
            var sid = simulator?.AddRecording(new RecordingSpec { CallSid = callSid, Channels = 1, DurationSeconds = 1, StartTime = created }).Sid
                ?? "RE" + Guid.NewGuid().ToString("N");
            var key = string.Create(CultureInfo.InvariantCulture, $"recordings/{created:yyyy}/{created:MM}/{created:dd}/{id:N}.wav");
            var content = id.ToByteArray();
            parameters["$id"].Value = id.ToString().ToUpperInvariant();
            parameters["$sid"].Value = sid;
            parameters["$call"].Value = callSid;
            parameters["$size"].Value = content.Length;
            parameters["$sha"].Value = Convert.ToHexStringLower(SHA256.HashData(content));
            parameters["$key"].Value = key;
            parameters["$at"].Value = created.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            insert.ExecuteNonQuery();

            // Planted faults: the first few rows lose their object.
            if (i >= Faults)
            {
                WriteObject(storageRoot, key, content);
                objects++;
            }
        }

        transaction.Commit();
        for (var i = 0; i < Faults; i++)
        {
            // Strays: well-formed keys no row refers to.
            var day = now.AddDays(-i);
            WriteObject(storageRoot, string.Create(CultureInfo.InvariantCulture, $"recordings/{day:yyyy}/{day:MM}/{day:dd}/{Guid.NewGuid():N}.wav"), [1, 2, 3]);
            objects++;

            // Recordings only the provider has.
            simulator?.AddRecording(new RecordingSpec { CallSid = "CA" + Guid.NewGuid().ToString("N"), Channels = 1, DurationSeconds = 1, StartTime = day.AddMinutes(-5) });
        }

        return new Result(count, objects, started.Elapsed);
    }

    private static void WriteObject(string storageRoot, string key, byte[] content)
    {
        var path = Path.Combine(storageRoot, key);
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllBytes(path, content);
    }
}
