"use server";

import { revalidatePath } from "next/cache";
import { createUserInput, setUserDisabledInput, updateUserInput } from "@/lib/domain/inputs.ts";
import { defineAction } from "@/lib/web/action.ts";
import * as users from "@/lib/server/users.ts";

export const createUser = defineAction("user.create", createUserInput, async (input, ctx) => {
  const user = await users.createUser(ctx, input);
  revalidatePath("/admin/users");
  return { email: user.email };
});

export const updateUser = defineAction("user.update", updateUserInput, async (input, ctx) => {
  const result = await users.updateUser(ctx, input);
  revalidatePath("/admin/users");
  return result;
});

export const setUserDisabled = defineAction("user.setDisabled", setUserDisabledInput, async (input, ctx) => {
  const result = await users.setUserDisabled(ctx, input);
  revalidatePath("/admin/users");
  return result;
});
