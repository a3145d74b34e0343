using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallVault.Web.Api;

internal static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"No {what} with that id.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult BadLimit() => BadRequest($"limit must be between 1 and {ListLimits.Max}.");

    public static ProblemHttpResult BadCursor() => BadRequest("cursor is not one this API returned.");
}
