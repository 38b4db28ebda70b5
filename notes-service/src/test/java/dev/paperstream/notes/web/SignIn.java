package dev.paperstream.notes.web;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** Signs in through the sign-in form, as a browser does, and hands back the session cookie's value. */
public final class SignIn {
    public static final String COOKIE = "paperstream_session";

    private SignIn() {
    }

    public static String session(String token) {
        Response signedIn = form(token);
        if (signedIn.statusCode() != 303) {
            throw new AssertionError("sign-in with a known token answered " + signedIn.statusCode());
        }
        return signedIn.getCookie(COOKIE);
    }

    /** The sign-in form's answer for {@code token}, not followed. */
    public static Response form(String token) {
        String csrf = given().get("/sign-in").getCookie("csrf-token");
        return given().cookie("csrf-token", csrf).formParam("csrf-token", csrf).formParam("token", token)
                .redirects().follow(false).post("/sign-in");
    }
}
