package io.consilium.platform.paging;

import io.consilium.platform.http.QueryValues;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?page=&size=} with the bounds every list endpoint shares (size capped at 100). The parameters are read
 * as text and parsed here, so {@code ?page=abc} is a 400 naming {@code page}, where JAX-RS would answer 404.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 100_000;
    static final int DEFAULT_SIZE = 20;

    @QueryParam("page")
    @Parameter(description = "Zero-based page number, 0 to 100000",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0", maximum = "100000"))
    String pageParam;

    @QueryParam("size")
    @Parameter(description = "Items per page, 1 to 100",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", minimum = "1", maximum = "100"))
    String sizeParam;

    private Integer page;
    private Integer size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int page() {
        if (page == null) {
            page = QueryValues.integer("page", pageParam, 0, 0, MAX_PAGE);
        }
        return page;
    }

    public int size() {
        if (size == null) {
            size = QueryValues.integer("size", sizeParam, DEFAULT_SIZE, 1, MAX_SIZE);
        }
        return size;
    }

    public int offset() {
        return page() * size();
    }
}
