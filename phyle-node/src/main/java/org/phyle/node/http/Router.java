package org.phyle.node.http;

import io.javalin.http.Handler;

/** Where the route classes of the mechanisms register their handlers, under {@code /api/v1}. */
interface Router {
    void get(String path, Handler handler);

    void post(String path, Handler handler);
}
