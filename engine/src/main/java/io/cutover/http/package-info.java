/**
 * What every HTTP client of the engine does alike, whether it reads the legacy CRM (source/, reverse/) or loads a
 * target (load/): the camel-http endpoint of a server, the Authorization header, a 429's Retry-After, and the secrets a
 * description file names as {@code ${env:NAME}}.
 */
package io.cutover.http;
