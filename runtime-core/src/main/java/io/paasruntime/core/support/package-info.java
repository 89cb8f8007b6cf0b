/** Small building blocks the use cases share: ids, callers, pagination, input checks. */
package io.paasruntime.core.support;
