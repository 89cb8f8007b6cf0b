/** Apps: create, list, rename, soft delete, restore and purge. */
package io.paasruntime.core.apps;
